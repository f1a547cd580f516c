/** Modal forms built on <dialog>: asking a name, pasting text, editing article details. */
import { h } from './dom';

/** One field of a form dialog. */
export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'url' | 'date' | 'textarea' | 'select';
  /** The choices of a select field. */
  options?: { value: string; label: string }[];
  value?: string;
  required?: boolean;
  /** Returns a message when the value is not acceptable. */
  check?: (value: string) => string | null;
}

export interface FormDialogOptions {
  title: string;
  fields: Field[];
  submit: string;
  /** Whether the dialog may be dismissed without an answer (Escape or Cancel). */
  cancellable?: boolean;
}

/** Shows a modal form; resolves with the values (trimmed, except text areas), or null when cancelled. */
export function formDialog(options: FormDialogOptions): Promise<Record<string, string> | null> {
  const cancellable = options.cancellable ?? true;
  const inputs = options.fields.map((field) => {
    const id = `field-${field.name}`;
    const attrs = { id, name: field.name, required: field.required ?? false };
    const input =
      field.type === 'textarea'
        ? h('textarea', { ...attrs, rows: 12 })
        : field.type === 'select'
          ? h('select', attrs, ...(field.options ?? []).map((o) => h('option', { value: o.value }, o.label)))
          : h('input', { ...attrs, type: field.type ?? 'text', autocomplete: 'off' });
    if (field.value !== undefined || field.type !== 'select') input.value = field.value ?? '';
    if (field.check) input.addEventListener('input', () => input.setCustomValidity(''));
    return { field, input, row: h('div', { class: 'field' }, h('label', { for: id }, field.label), input) };
  });
  const title = h('h2', { id: 'dialog-title' }, options.title);
  const cancel = cancellable ? h('button', { type: 'button', value: 'cancel' }, 'Cancel') : null;
  const form = h(
    'form',
    { method: 'dialog' },
    ...inputs.map((i) => i.row),
    h('div', { class: 'dialog-actions' }, cancel, h('button', { type: 'submit', class: 'primary' }, options.submit)),
  );
  const dialog = h('dialog', { 'aria-labelledby': 'dialog-title' }, title, form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    const finish = (values: Record<string, string> | null) => {
      dialog.close();
      dialog.remove();
      resolve(values);
    };
    cancel?.addEventListener('click', () => finish(null));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (cancellable) finish(null);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const valueOf = ({ field, input }: (typeof inputs)[number]) => (field.type === 'textarea' ? input.value : input.value.trim());
      for (const entry of inputs) entry.input.setCustomValidity(entry.field.check?.(valueOf(entry)) ?? '');
      if (!form.reportValidity()) return;
      finish(Object.fromEntries(inputs.map((entry) => [entry.field.name, valueOf(entry)])));
    });
    dialog.showModal();
  });
}

/** Asks a yes-or-no question in a modal; resolves true for `yes`, false for `no` or Escape. */
export function confirmDialog(options: { title: string; text: string; yes: string; no: string }): Promise<boolean> {
  const no = h('button', { type: 'button' }, options.no);
  const yes = h('button', { type: 'button', class: 'primary' }, options.yes);
  const dialog = h(
    'dialog',
    { 'aria-labelledby': 'confirm-title' },
    h('h2', { id: 'confirm-title' }, options.title),
    h('p', {}, options.text),
    h('div', { class: 'dialog-actions' }, no, yes),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    no.addEventListener('click', () => finish(false));
    yes.addEventListener('click', () => finish(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.showModal();
  });
}
