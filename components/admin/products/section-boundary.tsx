"use client";

import { Component, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/**
 * JSON applied from the advanced tab can have any shape; a form that cannot render it says so
 * instead of taking the editor down. `resetKey` (the document) retries after every edit.
 */
export class SectionBoundary extends Component<{ resetKey: unknown; children: ReactNode }, { failed: boolean; key: unknown }> {
  override state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { failed: boolean; key: unknown }) {
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <Alert tone="error">This section cannot be shown as a form while the document is malformed here; fix it in the “Advanced: JSON” tab (the errors are listed on the right).</Alert>;
  }
}
