#!/usr/bin/env node
// The built entry point; everything lives in dist/ (npm run build).
import '../dist/main.js';
