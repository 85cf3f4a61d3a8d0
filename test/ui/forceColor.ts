// Ink styles text through chalk, which turns colours off when stdout is not a
// terminal (as under vitest). Imported first by tests that check styles, so it
// runs before chalk reads the environment.
process.env['FORCE_COLOR'] = '1';
