import net from 'node:net';

export interface LatencyProxy {
  /** The target's GraphQL URL through the proxy. */
  url: string;
  /** Added to every chunk in each direction (change it at any time). */
  delayMs: number;
  close(): Promise<void>;
}

/**
 * A tiny TCP proxy between the gateway and one department that holds every chunk, both ways,
 * for `delayMs`: a slow network or a slow department, with the department itself untouched.
 */
export async function latencyProxy(targetUrl: string, delayMs: number): Promise<LatencyProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const state = { delayMs };
  const timers = new Set<NodeJS.Timeout>();
  const later = (action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, state.delayMs);
    timers.add(timer);
  };
  const relay = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => later(() => !to.destroyed && to.write(chunk)));
    from.on('end', () => later(() => to.end()));
    from.on('error', () => to.destroy());
    from.on('close', () => later(() => to.destroy()));
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname === 'localhost' ? '127.0.0.1' : target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) socket.destroy();
      }),
  };
}
