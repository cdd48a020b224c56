import net from 'node:net';

export interface BlackHoleProxy {
  /** The target's URL (same path, user, query) through the proxy. */
  url: string;
  /**
   * Black-hole from now on: connections open are cut, and new ones are accepted (TCP) and never
   * answered, whatever they send — a dead host behind a load balancer, a silently dropping firewall.
   */
  blackHole(): void;
  /** Relays again. */
  restore(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of a server (PostgreSQL here) that can be switched to a black hole. */
export async function blackHoleProxy(targetUrl: string): Promise<BlackHoleProxy> {
  const target = new URL(targetUrl);
  const host = target.hostname === 'localhost' ? '127.0.0.1' : target.hostname;
  const sockets = new Set<net.Socket>();
  let silent = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (silent) {
      client.on('data', () => undefined); // read and drop: the peer sees an open, mute connection
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    blackHole() {
      silent = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      silent = false;
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
