"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useEffectEvent, useState, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";

/**
 * One `/live` Socket.IO connection per tab, opened only for signed-in users. Events are hints:
 * a component subscribes to a room and names the queries an event makes stale; after any
 * reconnect those queries are refetched too, so a missed event costs freshness, never
 * correctness (design.md §6). With several app processes (Redis), a reconnect within the
 * recovery window may be `recovered`: the server gives back the rooms its policy still allows and
 * replays what was missed, so nothing needs joining or refetching — unless it says `live.resync`.
 */
type LiveState = { socket: Socket | null; connected: boolean };

const LiveContext = createContext<LiveState>({ socket: null, connected: false });

export function LiveSocketProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [state, setState] = useState<LiveState>({ socket: null, connected: false });
  useEffect(() => {
    if (!enabled) return;
    const socket = io("/live", { transports: ["websocket", "polling"], withCredentials: true });
    const update = () => setState({ socket, connected: socket.connected });
    socket.on("connect", update);
    socket.on("disconnect", update);
    update();
    return () => {
      socket.off("connect", update);
      socket.off("disconnect", update);
      socket.disconnect();
      setState({ socket: null, connected: false });
    };
  }, [enabled]);
  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}

export function useLiveConnection(): LiveState {
  return useContext(LiveContext);
}

/**
 * Joins `room` while mounted (and again after every reconnect), calls `onEvent` for the named
 * events, and invalidates `staleQueries` on each of them and on every reconnect.
 */
export function useLiveRoom(
  room: string | null,
  events: string[],
  options: { staleQueries?: QueryKey[]; onEvent?: (event: string, payload: unknown) => void } = {},
) {
  const { socket } = useLiveConnection();
  const queryClient = useQueryClient();
  const eventsKey = events.join("|");
  const [joined, setJoined] = useState(false);
  const invalidate = useEffectEvent(() => {
    for (const queryKey of options.staleQueries ?? []) void queryClient.invalidateQueries({ queryKey });
  });
  const deliver = useEffectEvent((event: string, payload: unknown) => {
    options.onEvent?.(event, payload);
    invalidate();
  });

  useEffect(() => {
    if (!socket || !room) return;
    let joinedBefore = false;
    const join = () => {
      joinedBefore = true;
      socket.emit("join", { room }, (reply: { ok: boolean }) => setJoined(reply?.ok === true));
    };
    const resync = () => {
      join();
      invalidate(); // whatever happened while we were away
    };
    const onConnect = () => {
      // A recovered session holds the rooms of the connection before: only those need nothing.
      if (!(socket.recovered && joinedBefore)) resync();
    };
    const handlers = eventsKey.split("|").filter(Boolean).map((event) => {
      const handler = (payload: unknown) => deliver(event, payload);
      socket.on(event, handler);
      return [event, handler] as const;
    });
    if (socket.connected) join();
    socket.on("connect", onConnect);
    socket.on("live.resync", resync);
    return () => {
      socket.off("connect", onConnect);
      socket.off("live.resync", resync);
      for (const [event, handler] of handlers) socket.off(event, handler);
      socket.emit("leave", { room });
      setJoined(false);
    };
  }, [socket, room, eventsKey]);

  return { joined };
}
