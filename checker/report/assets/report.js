(function(){
  var sev=document.getElementById('f-sev'), subj=document.getElementById('f-subj'),
      attr=document.getElementById('f-attr'), hide=document.getElementById('f-hide'),
      shown=document.getElementById('shown'), none=document.getElementById('no-match');
  function match(el, sevs){
    return (!sev.value || sevs.indexOf(sev.value) >= 0) &&
           (!subj.value || el.getAttribute('data-subject') === subj.value) &&
           (!attr.value || el.getAttribute('data-attribute') === attr.value);
  }
  function apply(){
    var conflicts=document.querySelectorAll('article.conflict'), n=0;
    conflicts.forEach(function(el){
      var ok=match(el, [el.getAttribute('data-severity')]) &&
             !(hide.checked && el.getAttribute('data-status') === 'accepted');
      el.hidden=!ok; if(ok){n++;}
    });
    document.querySelectorAll('tbody.group').forEach(function(el){
      el.hidden=!match(el, (el.getAttribute('data-severities') || '').split(' '));
    });
    shown.textContent='showing ' + n + ' of ' + conflicts.length + ' conflict' + (conflicts.length === 1 ? '' : 's');
    if(none){none.hidden = n > 0 || conflicts.length === 0;}
  }
  [sev, subj, attr, hide].forEach(function(el){ el.addEventListener('change', apply); });
  apply();
})();
