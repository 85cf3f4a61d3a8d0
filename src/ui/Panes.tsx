// The conditions pane and the merged log of the selected pod, stacked on a
// narrow terminal and side by side on a wide one, each under its title.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { TimelineEntry } from '../model/views.js';
import { ConditionsPane } from './conditions/ConditionsPane.js';
import type { Layout } from './layout.js';
import { MergedLog } from './MergedLog.js';
import { PaneBoundary } from './PaneBoundary.js';
import { PaneTitle } from './PaneTitle.js';
import type { Selected } from './selectedPod.js';
import type { UiState } from './state.js';
import type { Theme } from './theme.js';

export const Panes = memo(function Panes(props: {
  layout: Layout;
  theme: Theme;
  selected: Selected | undefined;
  ui: UiState;
  now: number;
  logEntries: readonly TimelineEntry[];
  logDropped: number;
}) {
  const { layout, theme, selected, ui, now } = props;
  const name = selected?.view.row.name;
  const stepNote = selected?.step === undefined ? '' : ` ${theme.middleDot} as of step ${selected.step + 1}`;
  const conditionsTitle = name === undefined ? 'Conditions' : `Conditions ${theme.middleDot} ${name}${stepNote}`;
  const logScope = ui.allPodsLog ? 'all pods' : (name ?? 'no pod');
  const logTitle = `Log ${theme.middleDot} ${logScope}${ui.warningsOnly ? ` ${theme.middleDot} Warning only` : ''}`;
  // Another pod or step, or another view of the log, tries a failed pane again.
  const resetKey = `${selected?.view.row.key ?? ''}|${selected?.stepEntry?.id ?? 'live'}|${ui.allPodsLog}|${ui.warningsOnly}`;
  const conditions = (
    <Box flexDirection="column" width={layout.conditions.width} height={layout.conditions.height + 1}>
      <PaneTitle title={conditionsTitle} width={layout.conditions.width} focused={ui.focus === 'conditions'} />
      {selected ? (
        <PaneBoundary name="conditions" resetKey={resetKey} width={layout.conditions.width} height={layout.conditions.height} ascii={theme.ascii}>
          <ConditionsPane
            pod={selected.pod}
            view={selected.view}
            now={now}
            absoluteTimes={ui.absoluteTimes}
            width={layout.conditions.width}
            height={layout.conditions.height}
            scroll={ui.scroll.conditions}
            focused={ui.focus === 'conditions'}
            ascii={theme.ascii}
            {...(selected.stepEntry && { stepAt: selected.stepEntry.at })}
          />
        </PaneBoundary>
      ) : (
        <Text dimColor>No pod selected.</Text>
      )}
    </Box>
  );
  const log = (
    <PaneBoundary name="log" resetKey={resetKey} width={layout.log.width} height={layout.log.height + 1} ascii={theme.ascii}>
      <MergedLog
        title={logTitle}
        entries={props.logEntries}
        dropped={props.logDropped}
        width={layout.log.width}
        height={layout.log.height}
        now={now}
        absoluteTimes={ui.absoluteTimes}
        showPod={ui.allPodsLog}
        highlightId={selected?.stepEntry?.id}
        scroll={ui.scroll.log}
        focused={ui.focus === 'log'}
        emptyText={ui.warningsOnly ? 'No Warning entries.' : 'No entries yet.'}
      />
    </PaneBoundary>
  );
  if (!layout.sideBySide) {
    return (
      <>
        {conditions}
        {log}
      </>
    );
  }
  return (
    <Box flexDirection="row" height={layout.conditions.height + 1}>
      {conditions}
      <Text dimColor>{Array.from({ length: layout.conditions.height + 1 }, () => ` ${theme.separator} `).join('\n')}</Text>
      {log}
    </Box>
  );
});
