"use client";

import type { MouseEvent } from "react";
import { Button } from "@/components/ui/button";

/**
 * Move up / move down / remove for one item of a list, each named after the item for screen
 * readers. Clicks do not bubble into a surrounding <summary>, which would fold the item.
 */
export function ListItemActions(props: { name: string; index: number; count: number; onMove: (offset: -1 | 1) => void; onRemove: () => void }) {
  const act = (action: () => void) => (event: MouseEvent) => {
    event.preventDefault();
    action();
  };
  return (
    <div className="flex shrink-0 gap-1">
      <Button type="button" size="sm" variant="ghost" aria-label={`Move ${props.name} up`} disabled={props.index === 0} onClick={act(() => props.onMove(-1))}>
        ↑
      </Button>
      <Button type="button" size="sm" variant="ghost" aria-label={`Move ${props.name} down`} disabled={props.index === props.count - 1} onClick={act(() => props.onMove(1))}>
        ↓
      </Button>
      <Button type="button" size="sm" variant="ghost" className="text-red-700" aria-label={`Remove ${props.name}`} onClick={act(props.onRemove)}>
        Remove
      </Button>
    </div>
  );
}
