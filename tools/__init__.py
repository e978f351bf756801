"""Developer tools that are not part of the runtime package (`checker` never imports them)."""
