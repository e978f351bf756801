(function(){
  var sev=document.getElementById('f-sev'), subj=document.getElementById('f-subj'),
      attr=document.getElementById('f-attr'), hide=document.getElementById('f-hide'),
      shown=document.getElementById('shown'), none=document.getElementById('no-match'),
      box=document.getElementById('conflicts'), page=0;
  var size=box ? parseInt(box.getAttribute('data-page-size'), 10) || 25 : 25;
  function match(el, sevs){
    return (!sev.value || sevs.indexOf(sev.value) >= 0) &&
           (!subj.value || el.getAttribute('data-subject') === subj.value) &&
           (!attr.value || el.getAttribute('data-attribute') === attr.value);
  }
  function plural(n, word){ return n + ' ' + word + (n === 1 ? '' : 's'); }
  function passes(el){
    return match(el, [el.getAttribute('data-severity')]) &&
           !(hide.checked && el.getAttribute('data-status') === 'accepted');
  }
  function apply(){
    var conflicts=document.querySelectorAll('article.conflict'), matching=[];
    conflicts.forEach(function(el){ if(passes(el)){matching.push(el);} el.hidden=true; });
    // paging: only one page of the matching conflicts is laid out, so hundreds stay quick to scroll
    var pages=Math.max(1, Math.ceil(matching.length / size));
    page=Math.min(Math.max(page, 0), pages - 1);
    matching.forEach(function(el, k){ el.hidden = Math.floor(k / size) !== page; });
    document.querySelectorAll('nav.pager').forEach(function(nav){
      nav.hidden = pages < 2;
      nav.querySelector('.pageno').textContent='page ' + (page + 1) + ' of ' + pages;
      nav.querySelector('[data-step="-1"]').disabled = page === 0;
      nav.querySelector('[data-step="1"]').disabled = page === pages - 1;
    });
    document.querySelectorAll('tbody.group').forEach(function(el){
      el.hidden=!match(el, (el.getAttribute('data-severities') || '').split(' '));
    });
    shown.textContent='showing ' + matching.length + ' of ' + plural(conflicts.length, 'conflict');
    if(none){none.hidden = matching.length > 0 || conflicts.length === 0;}
  }
  function toPage(step){ page += step; apply(); if(box){ box.scrollIntoView(); } }
  document.querySelectorAll('nav.pager button').forEach(function(b){
    b.addEventListener('click', function(){ toPage(parseInt(b.getAttribute('data-step'), 10)); });
  });
  // a link to a conflict (#c-ID, from the claims table or a workbook) opens the page that holds it
  function reveal(){
    var target=location.hash && document.getElementById(location.hash.slice(1));
    if(!target || !target.matches('article.conflict')){ return; }
    var visible=Array.prototype.filter.call(document.querySelectorAll('article.conflict'), passes);
    var k=visible.indexOf(target);
    if(k < 0){ sev.value=''; subj.value=''; attr.value=''; hide.checked=false; page=0; apply(); return reveal(); }
    page=Math.floor(k / size); apply(); target.scrollIntoView();
  }
  [sev, subj, attr, hide].forEach(function(el){ el.addEventListener('change', function(){ page=0; apply(); }); });
  window.addEventListener('hashchange', reveal);
  apply(); reveal();
})();
