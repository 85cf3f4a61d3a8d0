// The one-line title above a pane: a rule with the pane's name and state
// ("Log · crashloop-6f9c7-x2kqp · Warning only"). The focused pane's title is
// inverse, so focus is visible without colours.
import { memo } from 'react';
import { SpanLine } from './spans.js';
import { useTheme } from './theme.js';

export interface PaneTitleProps {
  title: string;
  width: number;
  focused: boolean;
}

export const PaneTitle = memo(function PaneTitle({ title, width, focused }: PaneTitleProps) {
  const theme = useTheme();
  const label = ` ${title} `;
  const lead = theme.rule.repeat(2);
  const rest = Math.max(0, width - lead.length - label.length);
  const line = [
    { text: lead, dim: true },
    { text: label, bold: true, inverse: focused },
    { text: theme.rule.repeat(rest), dim: true },
  ];
  return <SpanLine line={line} width={width} ascii={theme.ascii} />;
});
