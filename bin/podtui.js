#!/usr/bin/env node
// The built entry point (npm run build): dist/podtui.js is dist/main.js and
// everything it loads at run time bundled into a few files, which start
// about half a second sooner than the ~300 modules they come from (see
// scripts/bundle.js).
import '../dist/podtui.js';
