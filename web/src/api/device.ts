/**
 * This browser as a device (设备管理): an id generated once and kept in localStorage, and a name a
 * person recognises, sent on every request so sign-ins and enterprise switches can be checked
 * against the enterprise's device restriction.
 */
const STORAGE_KEY = 'banyan.device-id';
export const DEVICE_ID_HEADER = 'x-banyan-device-id';
export const DEVICE_NAME_HEADER = 'x-banyan-device-name';

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

let current: string | undefined;

export function deviceId(): string {
  if (current) return current;
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    current = kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept) ? kept : randomId();
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // No storage (a private window that refuses it): the id lives as long as the page.
    current = randomId();
  }
  // A sign-in that arrives by redirect (OIDC) carries no header: the cookie names the device there.
  document.cookie = `banyan_device=${current}; path=/; max-age=${400 * 24 * 3600}; samesite=lax`;
  return current;
}

/** "Chrome · Linux": the browser and the system, from the user agent. */
export function deviceName(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  const system = /Windows/.test(ua) ? 'Windows' : /iPhone|iPad/.test(ua) ? 'iOS' : /Android/.test(ua) ? 'Android' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  return system ? `${browser} · ${system}` : browser;
}
