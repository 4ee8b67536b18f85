/**
 * The service-worker bridge reaches the UI through its own context rather than AppState: it is made
 * once in main.tsx, next to the registration, and absent (null) in tests and tools that render the
 * app without a service worker, where the update prompt simply renders nothing.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ServiceWorkerBridge } from './registerServiceWorker';

export const ServiceWorkerContext = createContext<ServiceWorkerBridge | null>(null);

export function useServiceWorker(): ServiceWorkerBridge | null {
  return useContext(ServiceWorkerContext);
}
