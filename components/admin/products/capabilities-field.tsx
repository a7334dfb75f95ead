"use client";

import { useState } from "react";
import { TextField } from "./editor-controls";

const split = (text: string) => text.split(/[\s,]+/).filter((capability) => capability !== "");

/** Capabilities typed as a comma-separated list; the text stays as typed until it means something else. */
export function CapabilitiesField(props: { path: string; label: string; hint?: string; value: readonly string[]; onChange: (capabilities: string[]) => void }) {
  const [text, setText] = useState(props.value.join(", "));
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    // Follow changes made elsewhere (the JSON tab) unless the text already says the same.
    setSeen(props.value);
    if (split(text).join(",") !== props.value.join(",")) setText(props.value.join(", "));
  }
  return (
    <TextField
      path={props.path}
      label={props.label}
      hint={props.hint}
      value={text}
      onChange={(next) => {
        setText(next);
        props.onChange(split(next));
      }}
    />
  );
}
