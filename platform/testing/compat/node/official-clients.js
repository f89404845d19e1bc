// Drives the official Customer.io and Segment Node clients, unmodified, against a running Herald and
// checks through the App API that what each call sent was stored. Run by ../run.sh, which starts
// Herald; needs BASE, SITE_ID, TRACK_KEY, APP_KEY, WRITE_KEY in the environment.
'use strict'
const assert = require('node:assert/strict')
const { TrackClient, APIClient, PipelinesClient, Region } = require('customerio-node')
const { Analytics: CdpAnalytics } = require('@customerio/cdp-analytics-node')
const { Analytics: SegmentAnalytics } = require('@segment/analytics-node')

const { BASE, SITE_ID, TRACK_KEY, APP_KEY, WRITE_KEY } = process.env
const region = new Region(BASE + '/api/v1', BASE + '/v1', BASE + '/v1')
const track = new TrackClient(SITE_ID, TRACK_KEY, { region })
const api = new APIClient(APP_KEY, { region })
const pipes = new PipelinesClient(WRITE_KEY, { region })
const run = Date.now().toString(36)

async function app(path) {
  const res = await fetch(BASE + path, { headers: { Authorization: 'Bearer ' + APP_KEY } })
  const body = await res.json()
  return { status: res.status, body }
}
async function person(id, idType = 'id') {
  const r = await app(`/v1/customers/${encodeURIComponent(id)}/attributes?id_type=${idType}`)
  return r.status === 200 ? r.body.customer : null
}
async function activities(id, idType = 'id') {
  const r = await app(`/v1/customers/${encodeURIComponent(id)}/activities?id_type=${idType}&limit=100`)
  assert.equal(r.status, 200, `activities of ${id}: ${JSON.stringify(r.body)}`)
  return r.body.activities
}
async function eventually(what, check) {
  const deadline = Date.now() + 20000
  for (;;) {
    try {
      return await check()
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`${what}: ${e.message}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}

const results = []
async function step(name, fn) {
  try {
    await fn()
    results.push({ name, ok: true })
    console.log(`ok    ${name}`)
  } catch (e) {
    results.push({ name, ok: false })
    console.log(`FAIL  ${name}\n      ${e.stack.split('\n').slice(0, 3).join('\n      ')}`)
  }
}

async function trackClient() {
  const id = `node-${run}`
  const email = `node-${run}@example.com`
  await step('track.identify with attributes', async () => {
    await track.identify(id, { email, created_at: 1700000000, plan: 'PLAN', age: 42, vip: true, tags: ['a', 'b'], address: { city: 'CITY' } })
    const p = await person(id)
    assert.equal(p.attributes.plan, 'PLAN')
    assert.equal(p.attributes.age, 42)
    assert.deepEqual(p.attributes.address, { city: 'CITY' })
    assert.equal(p.identifiers.email, email)
  })
  await step('track.identify by email (path percent-encoded)', async () => {
    await track.identify(email, { plan: 'PLAN2' })
    assert.equal((await person(id)).attributes.plan, 'PLAN2')
  })
  await step('track.track with id and timestamp', async () => {
    await track.track(id, { name: 'purchase', data: { price: 9.99, sku: 'SKU' }, timestamp: 1700000000, id: `01${run}EVT`.padEnd(26, '0').slice(0, 26) })
    const acts = await activities(id)
    assert.ok(acts.some((a) => a.name === 'purchase' && a.data.sku === 'SKU'), JSON.stringify(acts))
  })
  await step('track.trackAnonymous and identify with anonymous_id merges the events', async () => {
    await track.trackAnonymous(`anon-${run}`, { name: 'viewed_pricing', data: { source: 'ad' } })
    await track.identify(id, { anonymous_id: `anon-${run}` })
    const acts = await activities(id)
    assert.ok(acts.some((a) => a.name === 'viewed_pricing'), JSON.stringify(acts))
  })
  await step('track.trackPageView', async () => {
    await track.trackPageView(id, '/pricing')
    assert.ok((await activities(id)).some((a) => a.name === '/pricing' && a.type === 'page'))
  })
  await step('track.addDevice / deleteDevice', async () => {
    await track.addDevice(id, `tok-${run}`, 'ios', { last_used: 1700000000, app_version: '1.2.3' })
    await track.addDevice(id, `tok2-${run}`, 'android')
    assert.equal((await person(id)).devices.length, 2)
    await track.deleteDevice(id, `tok-${run}`)
    assert.deepEqual((await person(id)).devices.map((d) => d.id), [`tok2-${run}`])
  })
  await step('track.trackPush and reportMetric', async () => {
    await track.trackPush({ delivery_id: `dlv-${run}`, event: 'opened', device_id: `tok2-${run}`, timestamp: 1700000000 })
    await track.reportMetric({ delivery_id: `dlv-${run}`, metric: 'clicked', timestamp: 1700000000, href: 'https://example.com/x' })
  })
  await step('track.getAccountRegion', async () => {
    const r = await track.getAccountRegion()
    assert.ok(r.url && r.region, JSON.stringify(r))
  })
  await step('track.suppress / unsuppress', async () => {
    const other = `sup-${run}`
    await track.identify(other, { plan: 'x' })
    await track.suppress(other)
    assert.equal(await person(other), null)
    await track.unsuppress(other)
    await track.identify(other, { plan: 'y' })
    assert.equal((await person(other)).attributes.plan, 'y')
  })
  await step('track.mergeCustomers', async () => {
    const secondary = `sec-${run}@example.com`
    await track.identify(`sec-${run}`, { email: secondary, from_secondary: 1 })
    await track.mergeCustomers('id', id, 'email', secondary)
    assert.equal((await person(id)).attributes.from_secondary, 1)
    assert.equal(await person(`sec-${run}`), null)
  })
  await step('track.submitForm', async () => {
    await track.submitForm(`form-${run}`, { email: `form-${run}@example.com`, first_name: 'F' })
    assert.equal((await person(`form-${run}@example.com`, 'email')).attributes.first_name, 'F')
  })
  await step('track.entity and track.batch (v2)', async () => {
    await track.entity({ type: 'person', identifiers: { id: `v2-${run}` }, action: 'identify', attributes: { plan: 'V2' } })
    await track.batch([
      { type: 'person', identifiers: { id: `v2-${run}` }, action: 'event', name: 'v2_event', timestamp: 1700000000, attributes: { price: 1 } },
      { type: 'person', identifiers: { id: `v2-${run}` }, action: 'add_device', device: { token: `v2tok-${run}`, platform: 'ios' } },
      { type: 'object', identifiers: { object_type_id: '1', object_id: `acme-${run}` }, action: 'identify', attributes: { name: 'ACME' } },
    ])
    assert.equal((await person(`v2-${run}`)).attributes.plan, 'V2')
    assert.ok((await activities(`v2-${run}`)).some((a) => a.name === 'v2_event'))
    const obj = await app(`/v1/objects/1/${encodeURIComponent(`acme-${run}`)}/attributes`)
    assert.equal(obj.status, 200, JSON.stringify(obj.body))
  })
  await step('track.addCustomersToSegment / removeCustomersFromSegment', async () => {
    const res = await fetch(BASE + '/v1/segments', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + APP_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ segment: { name: `node ${run}` } }),
    })
    const segment = (await res.json()).segment
    await track.addCustomersToSegment(segment.id, [id])
    assert.equal((await app(`/v1/segments/${segment.id}/customer_count`)).body.count, 1)
    await track.removeCustomersFromSegment(segment.id, [email], 'email')
    assert.equal((await app(`/v1/segments/${segment.id}/customer_count`)).body.count, 0)
  })
  await step('track.destroy', async () => {
    await track.destroy(`v2-${run}`)
    assert.equal(await person(`v2-${run}`), null)
  })
  await step('api (App) client authenticates: getCustomersByEmail', async () => {
    const r = await api.getCustomersByEmail(email)
    assert.equal(r.results[0].id, id)
  })
}

async function pipelinesClient() {
  const user = `pipes-${run}`
  await step('pipes.identify / track / page / screen', async () => {
    await pipes.identify({ userId: user, traits: { email: `${user}@example.com`, plan: 'PLAN' } })
    await pipes.track({ userId: user, event: 'signed_up', properties: { price: 9.99 } })
    await pipes.page({ userId: user, name: 'Pricing', category: 'Docs', properties: { url: 'https://example.com/p' } })
    await pipes.screen({ userId: user, name: 'Home', properties: { x: 1 } })
    assert.equal((await person(user)).attributes.plan, 'PLAN')
    const names = (await activities(user)).map((a) => a.name)
    for (const n of ['signed_up', 'Pricing', 'Home']) assert.ok(names.includes(n), `${n} in ${names}`)
  })
  await step('pipes.identify anonymous then alias', async () => {
    await pipes.track({ anonymousId: `panon-${run}`, event: 'visited', properties: {} })
    await pipes.alias({ userId: user, previousId: `panon-${run}` })
    await eventually('alias joined the anonymous events', async () => {
      assert.ok((await activities(user)).some((a) => a.name === 'visited'))
    })
  })
  await step('pipes.group creates the object and the relationship', async () => {
    await pipes.group({ userId: user, groupId: `grp-${run}`, traits: { name: 'ACME', object_type_id: '1' } })
    const r = await app(`/v1/customers/${user}/relationships`)
    assert.equal(r.status, 200, JSON.stringify(r.body))
    assert.ok(JSON.stringify(r.body).includes(`grp-${run}`), JSON.stringify(r.body))
  })
  await step('pipes.batch', async () => {
    await pipes.batch([
      { type: 'identify', userId: `${user}-b`, traits: { plan: 'B' } },
      { type: 'track', userId: `${user}-b`, event: 'batched', properties: { a: 1 } },
    ])
    assert.equal((await person(`${user}-b`)).attributes.plan, 'B')
    assert.ok((await activities(`${user}-b`)).some((a) => a.name === 'batched'))
  })
}

async function analyticsClient(label, make) {
  const user = `${label}-${run}`
  await step(`${label}: identify, track, page, screen, group, alias via /v1/batch`, async () => {
    const client = make()
    client.identify({ userId: user, traits: { plan: label } })
    client.track({ userId: user, event: `${label}_event`, properties: { n: 1 } })
    client.page({ userId: user, name: `${label} page`, category: 'C' })
    client.screen({ userId: user, name: `${label} screen` })
    client.group({ userId: user, groupId: `${label}-grp-${run}`, traits: { name: 'G', object_type_id: '1' } })
    client.track({ anonymousId: `${label}-anon-${run}`, event: `${label}_anon` })
    client.alias({ userId: user, previousId: `${label}-anon-${run}` })
    await client.closeAndFlush({ timeout: 10000 })
    await eventually(`${label} data stored`, async () => {
      assert.equal((await person(user)).attributes.plan, label)
      const names = (await activities(user)).map((a) => a.name)
      for (const n of [`${label}_event`, `${label} page`, `${label} screen`, `${label}_anon`]) {
        assert.ok(names.includes(n), `${n} in ${names}`)
      }
    })
  })
}

;(async () => {
  await trackClient()
  await pipelinesClient()
  await analyticsClient('cdp', () => new CdpAnalytics({ writeKey: WRITE_KEY, host: BASE, flushInterval: 200 }))
  await analyticsClient('segment', () => new SegmentAnalytics({ writeKey: WRITE_KEY, host: BASE, flushInterval: 200 }))
  const failed = results.filter((r) => !r.ok)
  console.log(`\n${results.length - failed.length}/${results.length} operations passed`)
  process.exit(failed.length ? 1 : 0)
})()
