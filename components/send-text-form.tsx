'use client';

import { useState, type FormEvent } from 'react';

type Props = {
  id: string;
  label: string;
  placeholder: string;
  disabled: boolean;
  /** Returns true when the text was sent; the box is cleared then. */
  onSend: (text: string) => boolean;
  className?: string;
};

/** A one-line text box with a Send button, for typing a turn into a realtime call. */
export function SendTextForm({ id, label, placeholder, disabled, onSend, className = 'flex gap-2' }: Props) {
  const [text, setText] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (onSend(text)) setText('');
  };

  return (
    <form onSubmit={submit} className={className}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        data-testid="message-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        className="min-w-0 flex-1 rounded-lg border border-slate-300 px-3 py-2 text-sm focus:border-cue focus:outline-none focus:ring-2 focus:ring-cue/20"
      />
      <button
        type="submit"
        data-testid="send-button"
        disabled={disabled || text.trim() === ''}
        className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:opacity-40"
      >
        Send
      </button>
    </form>
  );
}
