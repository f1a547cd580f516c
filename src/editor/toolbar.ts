/**
 * The small toolbar that appears at a selection and offers the three labels. Its buttons keep
 * the editor's selection (mousedown does not take focus) and are also reachable with keys
 * 1, 2 and 3 while text is selected.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { LABEL_NAMES, LABELS, type Label } from '../core/model';

const KEY_LABELS: Record<string, Label> = { '1': 'sourced', '2': 'disputed', '3': 'opinion' };

class ToolbarView {
  private readonly element: HTMLElement;

  constructor(
    private readonly view: EditorView,
    onLabel: (label: Label) => boolean,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'label-toolbar';
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Label the selected claim');
    this.element.hidden = true;
    LABELS.forEach((label, i) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `label-button label-${label}`;
      button.setAttribute('aria-keyshortcuts', String(i + 1));
      const name = document.createElement('span');
      name.textContent = LABEL_NAMES[label];
      const key = document.createElement('kbd');
      key.setAttribute('aria-hidden', 'true');
      key.textContent = String(i + 1);
      button.append(name, key);
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => void onLabel(label));
      this.element.append(button);
    });
    view.dom.parentElement!.append(this.element);
    const refresh = () => queueMicrotask(() => this.update(this.view));
    view.dom.addEventListener('blur', refresh);
    this.element.addEventListener('focusout', refresh);
  }

  update(view: EditorView): void {
    const { selection } = view.state;
    const focused = view.hasFocus() || this.element.contains(document.activeElement);
    if (selection.empty || !focused) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    const box = this.element.offsetParent?.getBoundingClientRect() ?? new DOMRect();
    const at = view.coordsAtPos(selection.head);
    const width = this.element.offsetWidth;
    this.element.style.top = `${at.bottom - box.top + 6}px`;
    this.element.style.left = `${Math.max(0, Math.min(at.left - box.left - width / 2, box.width - width))}px`;
  }

  destroy(): void {
    this.element.remove();
  }
}

/**
 * The toolbar plugin. `onLabel` is called with the chosen label and says whether there was a
 * selection to label; a key 1, 2 or 3 with nothing selected is left alone.
 */
export function labelToolbar(onLabel: (label: Label) => boolean): Plugin {
  return new Plugin({
    view: (view) => new ToolbarView(view, onLabel),
    props: {
      handleKeyDown(_view: EditorView, event: KeyboardEvent) {
        const label = KEY_LABELS[event.key];
        if (!label || event.ctrlKey || event.metaKey || event.altKey) return false;
        return onLabel(label);
      },
    },
  });
}
