// Colours and line-drawing characters, chosen once from the options: with
// NO_COLOR / --no-color nothing is coloured (inverse and bold still mark
// what matters), with --ascii or a non-UTF-8 locale no box drawing is used.
import { createContext, useContext } from 'react';
import type { Health } from '../model/views.js';

export interface Theme {
  color: boolean;
  ascii: boolean;
  /** Horizontal rule character for pane titles. */
  rule: string;
  /** Separator between side-by-side panes. */
  separator: string;
  /** Marks a list row that shows a past step instead of the live pod. */
  pastMarker: string;
  /** Marks a transition podtui derived (events get the event marker). */
  transitionMarker: string;
  eventMarker: string;
  middleDot: string;
}

export function makeTheme(options: { color: boolean; ascii: boolean }): Theme {
  return options.ascii
    ? { ...options, rule: '-', separator: '|', pastMarker: '<', transitionMarker: '>', eventMarker: '*', middleDot: '-' }
    : { ...options, rule: '─', separator: '│', pastMarker: '◂', transitionMarker: '▸', eventMarker: '•', middleDot: '·' };
}

export const ThemeContext = createContext<Theme>(makeTheme({ color: true, ascii: false }));

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

const ASCII_FOR: Record<string, string> = { '·': '-', '→': '->', '←': '<-', '…': '...', '—': '-', '–': '-', '×': 'x' };

/** The model's words use a few typographic characters; with --ascii they are spelled in ASCII. */
export function themedText(theme: Theme, text: string): string {
  return theme.ascii ? text.replace(/[·→←…—–×]/g, (ch) => ASCII_FOR[ch] ?? ch) : text;
}

/** Ink colour of a STATUS: running and ready green, on its way yellow, broken red; finished is dim instead. */
export function healthColor(theme: Theme, health: Health): string | undefined {
  if (!theme.color) return undefined;
  switch (health) {
    case 'healthy':
      return 'green';
    case 'progressing':
      return 'yellow';
    case 'failing':
      return 'red';
    case 'finished':
      return undefined;
  }
}

/** Warning entries: red when colours are allowed; callers add bold either way. */
export function warningColor(theme: Theme): string | undefined {
  return theme.color ? 'red' : undefined;
}

/** Secondary text (times, counts). Ink's dimColor is an attribute, not a colour, so it stays under NO_COLOR. */
export function mutedColor(theme: Theme): string | undefined {
  return theme.color ? 'gray' : undefined;
}
