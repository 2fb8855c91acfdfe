// autocannon's setupRequest for the customer benchmark. The load generator runs in a worker thread,
// which can only load a function from a file: every request brings a customer never seen before.
const run = globalThis.crypto.randomUUID().slice(0, 8);
let i = 0;

module.exports = (request) => {
  i += 1;
  return { ...request, body: JSON.stringify({ externalId: `wx-${run}-${i}`, name: `客户${i}` }) };
};
