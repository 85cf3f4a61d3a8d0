// A pane that fails to draw (a pod shaped like nothing the code has seen)
// must not take the whole screen down at 2 a.m.: it says so in one line and
// the rest keeps working. Selecting another pod or step draws it afresh.
import { Box } from 'ink';
import { Component, type ReactNode } from 'react';
import { SpanLine } from './spans.js';

export interface PaneBoundaryProps {
  /** What the pane is, for the message ("conditions", "log"). */
  name: string;
  /** When this changes (another pod, another step), the pane is tried again. */
  resetKey: string;
  width: number;
  height: number;
  ascii: boolean;
  children: ReactNode;
}

interface State {
  error?: Error;
  resetKey: string;
}

export class PaneBoundary extends Component<PaneBoundaryProps, State> {
  override state: State = { resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: PaneBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: undefined, resetKey: props.resetKey };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const text = `The ${this.props.name} pane could not be drawn: ${error.message.split('\n')[0] ?? ''}`;
    return (
      <Box height={this.props.height} width={this.props.width}>
        <SpanLine line={[{ text, bold: true }]} width={this.props.width} ascii={this.props.ascii} />
      </Box>
    );
  }
}
