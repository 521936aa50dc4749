/** A server-sent-events client over fetch (browsers' EventSource cannot send a bearer token). */
export interface EventStream {
  events: { type: string; data: Record<string, unknown> }[];
  close(): void;
}

export async function openEventStream(url: string, token: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (response.status !== 200) throw new Error(`SSE ${url} answered ${response.status}`);
  const stream: EventStream = { events: [], close: () => controller.abort() };
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
          const data = /^data: ?(.*)$/m.exec(block)?.[1];
          if (data) stream.events.push({ type, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return stream;
}
