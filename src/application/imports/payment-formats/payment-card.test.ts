import { describe, expect, it } from 'vitest';
import { methodOfCardChannel } from './payment-card';

describe("a payment-card provider's channel → the payment method", () => {
  it.each([
    ['PayPoint', 'payment_card'],
    ['Post Office Counter', 'payment_card'],
    ['paypoint-retail', 'payment_card'],
    ['SHOP', 'payment_card'],
    ['Internet', 'debit_card'],
    ['Web', 'debit_card'],
    ['IVR telephone', 'debit_card'],
    ['Call centre', 'debit_card'],
    ['Mobile App', 'debit_card'],
    ['SMS', 'debit_card'],
    ['', 'payment_card'],
    ['Webster Stores', 'payment_card'], // a word that starts like a channel is not it
    ['Something else', 'payment_card'],
  ])('%j → %s', (channel, method) => {
    expect(methodOfCardChannel(channel)).toBe(method);
  });
});
