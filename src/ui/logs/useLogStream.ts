// One open log stream, read into a bounded buffer: reopened from the start
// whenever the container, the instance (previous or current) or `opened`
// changes; new lines drawn at most every LOG_FLUSH_MS, so a chatty container
// costs a render per frame, not per line.
import { useEffect, useRef, useState } from 'react';
import type { LogPort, LogRequest } from '../ports.js';
import { LogBuffer } from './logBuffer.js';

/** New lines are drawn at most this often. */
export const LOG_FLUSH_MS = 50;

export type StreamPhase = { phase: 'opening' } | { phase: 'streaming' } | { phase: 'ended'; error?: string };

export interface LogStream {
  buffer: LogBuffer;
  /** Grows whenever the buffer's contents changed (React cannot see inside it). */
  version: number;
  stream: StreamPhase;
}

/**
 * @param opened bump to open the same log again
 * @param onOpen called each time a stream is opened (the view goes back to following)
 */
export function useLogStream(port: LogPort, request: Omit<LogRequest, 'follow'>, opened: number, onOpen: () => void): LogStream {
  const bufferRef = useRef(new LogBuffer());
  const [version, setVersion] = useState(0);
  const [stream, setStream] = useState<StreamPhase>({ phase: 'opening' });
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const { namespace, pod, container, previous } = request;

  useEffect(() => {
    const buffer = bufferRef.current;
    buffer.clear();
    setVersion((v) => v + 1);
    setStream({ phase: 'opening' });
    onOpenRef.current();
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (closed) return;
      setVersion((v) => v + 1);
      setStream((s) => (s.phase === 'opening' ? { phase: 'streaming' } : s));
    };
    const onLine = (line: string) => {
      if (closed) return;
      buffer.push(line);
      timer ??= setTimeout(flush, LOG_FLUSH_MS);
    };
    const onEnd = (error?: string) => {
      if (closed) return;
      if (timer) clearTimeout(timer);
      timer = undefined;
      setVersion((v) => v + 1);
      setStream(error ? { phase: 'ended', error } : { phase: 'ended' });
    };
    let stop: () => void = () => {};
    try {
      // The previous instance has ended: read it once. The current one is followed.
      stop = port.open({ namespace, pod, container, previous, follow: !previous }, onLine, onEnd);
    } catch (error) {
      onEnd(error instanceof Error ? error.message : String(error));
    }
    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [port, namespace, pod, container, previous, opened]);

  return { buffer: bufferRef.current, version, stream };
}
