/**
 * PII redaction before a turn is stored: payment card numbers (13-19 digits passing the Luhn
 * check, spaced or dashed), US social security numbers and card security codes said after
 * "security code"/"CVV". Each is replaced by a visible marker; the kinds found raise an alert.
 */

export type PiiKind = 'card_number' | 'ssn' | 'security_code';
export const PII_MARKERS: Record<PiiKind, string> = {
  card_number: '[card number redacted]',
  ssn: '[SSN redacted]',
  security_code: '[security code redacted]',
};

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const CARD = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;
const SSN = /(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)/g;
const CVV = /\b(security code|cvv|cvc|card code)(\s+(?:is|was)?\s*)(\d{3,4})\b/gi;

export function redactPii(text: string): { text: string; found: PiiKind[] } {
  const found = new Set<PiiKind>();
  let out = text.replace(CARD, (m) => {
    const digits = m.replace(/\D/g, '');
    if (digits.length < 13 || !luhn(digits)) return m;
    found.add('card_number');
    return PII_MARKERS.card_number;
  });
  out = out.replace(SSN, () => {
    found.add('ssn');
    return PII_MARKERS.ssn;
  });
  out = out.replace(CVV, (_m, label: string, gap: string) => {
    found.add('security_code');
    return `${label}${gap}${PII_MARKERS.security_code}`;
  });
  return { text: out, found: [...found] };
}
