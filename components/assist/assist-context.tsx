'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { addAssistTurn, assistCallAlerts, confirmAssistAction, endAssistCall, saveAssistCall, selectAssistCustomer, startAssistCall } from '@/app/actions/assist';
import { mintClientSecret } from '@/app/actions/realtime';
import { AssistDriver } from '@/lib/assist/client/assist-driver';
import { createAssistStore, type AssistState, type AssistStore } from '@/lib/assist/client/assist-store';
import { ChannelTranscriber, type Channel } from '@/lib/realtime/session/channel-transcriber';
import { CHANNEL_MESSAGES, loadListeningAgent, LISTENING_AGENT_ID } from '@/lib/assist/client/channel-messages';

/** The page's assist store, driver and the two channel transcribers (agent mic, customer tab). */

type AssistValue = { store: AssistStore; driver: AssistDriver; channels: Record<Channel, ChannelTranscriber> };
const AssistContext = createContext<AssistValue | null>(null);

export function AssistProvider({ children }: { children: ReactNode }) {
  const [value] = useState<AssistValue>(() => {
    const store = createAssistStore();
    const driver = new AssistDriver(store, {
      start: startAssistCall, addTurn: addAssistTurn, select: selectAssistCustomer, confirm: confirmAssistAction,
      end: endAssistCall, save: saveAssistCall, alerts: assistCallAlerts,
    });
    const channel = (c: Channel) =>
      new ChannelTranscriber({
        channel: c,
        mint: mintClientSecret,
        agentId: LISTENING_AGENT_ID,
        getAgentConfig: loadListeningAgent,
        messages: CHANNEL_MESSAGES[c],
        onFinal: (text) => void driver.say(c === 'mic' ? 'agent' : 'customer', c, text),
        onState: (state) => store.setState((s) => ({ channels: { ...s.channels, [c]: state } })),
      });
    return { store, driver, channels: { mic: channel('mic'), tab: channel('tab') } };
  });
  useEffect(() => {
    const { driver, channels, store } = value;
    // Disclosure deadlines pass without anyone speaking: re-check the alerts while the call is live.
    const timer = setInterval(() => {
      if (store.getState().phase === 'live') void driver.refreshAlerts();
    }, 5000);
    return () => {
      clearInterval(timer);
      channels.mic.stop();
      channels.tab.stop();
      driver.dispose();
    };
  }, [value]);
  return <AssistContext.Provider value={value}>{children}</AssistContext.Provider>;
}

export function useAssist(): AssistValue {
  const v = useContext(AssistContext);
  if (!v) throw new Error('useAssist outside AssistProvider');
  return v;
}

export function useAssistState<T>(selector: (s: AssistState) => T): T {
  return useStore(useAssist().store, selector);
}
