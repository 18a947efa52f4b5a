// Enhancements only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// htmx requests carry the CSRF token as a header (forms carry it as a field).
document.body.addEventListener('htmx:configRequest', (event) => {
  event.detail.headers['X-CSRF-Token'] = document.body.dataset.csrf
})

// The warning before the session times out: shown a few minutes before the idle limit, reset by "Stay signed in".
const idle = Number(document.body.dataset.sessionIdleSeconds || 0)
const warnBefore = Number(document.body.dataset.sessionWarnSeconds || 0)
const warning = document.getElementById('session-warning')
const stay = document.getElementById('session-stay')
let timer
function schedule () {
  clearTimeout(timer)
  if (!idle || !warning) return
  timer = setTimeout(() => {
    warning.hidden = false
    stay.focus()
    setTimeout(() => { window.location.href = '/sign-out' }, warnBefore * 1000)
  }, Math.max(idle - warnBefore, 30) * 1000)
}
if (stay) {
  stay.addEventListener('click', async () => {
    await fetch('/keep-alive', { credentials: 'same-origin' })
    warning.hidden = true
    schedule()
  })
}
schedule()

// The live notification feed: the portal relays notification-service's stream (the browser has no token).
const feed = document.querySelector('[data-live-feed]')
if (feed && window.EventSource) {
  const source = new EventSource(feed.dataset.liveFeed)
  source.addEventListener('message', (event) => {
    const item = JSON.parse(event.data)
    const li = document.createElement('li')
    li.className = 'portal-feed__item portal-feed__item--unread'
    li.id = 'notification-' + item.id
    const title = document.createElement('h2')
    title.className = 'govuk-heading-s govuk-!-margin-bottom-1'
    title.textContent = (item.urgent ? 'Urgent: ' : '') + item.title
    li.append(title)
    // one paragraph per line of the message, as text (never HTML), as the page draws it
    for (const line of (item.body || '').split(/\r?\n|\r/)) {
      if (!line.trim()) continue
      const paragraph = document.createElement('p')
      paragraph.className = 'govuk-body govuk-!-margin-bottom-1'
      paragraph.textContent = line.trim()
      li.append(paragraph)
    }
    const list = feed.querySelector('ul')
    list.prepend(li)
    const empty = feed.querySelector('[data-feed-empty]')
    if (empty) empty.remove()
    const status = document.getElementById('feed-status')
    if (status) status.textContent = 'New notification: ' + item.title
  })
}

// Safeguarding clocks: the server renders each due time and how long is left; this keeps the words ticking.
function countdownWords (minutes) {
  const abs = Math.abs(minutes)
  const plural = (n, unit) => n + ' ' + unit + (n === 1 ? '' : 's')
  const span = abs >= 60 ? plural(Math.floor(abs / 60), 'hour') + (abs % 60 === 0 ? '' : ' ' + plural(abs % 60, 'minute')) : plural(abs, 'minute')
  if (minutes < 0) return 'overdue by ' + span
  return abs === 0 ? 'due now' : 'due in ' + span
}
function tickCountdowns () {
  for (const element of document.querySelectorAll('[data-countdown]')) {
    const due = Date.parse(element.dataset.countdown)
    if (Number.isNaN(due)) continue
    const minutes = Math.ceil((due - Date.now()) / 60000)
    element.textContent = countdownWords(minutes)
    if (minutes < 0) {
      element.classList.remove('govuk-tag--orange', 'govuk-tag--blue')
      if (element.classList.contains('govuk-tag')) element.classList.add('govuk-tag--red')
    }
  }
}
if (document.querySelector('[data-countdown]') || document.getElementById('clocks')) {
  setInterval(tickCountdowns, 15000)
}

// A redraw of the clocks keeps the keyboard's place: htmx puts focus back on the link with the same id (each link has a
// stable one); when that concern has gone from the clocks, focus goes to the clocks' heading rather than the page.
let focusInClocks = false
document.body.addEventListener('htmx:beforeSwap', (event) => {
  const clocks = document.getElementById('clocks')
  focusInClocks = Boolean(clocks && event.detail.target === clocks && clocks.contains(document.activeElement))
})
document.body.addEventListener('htmx:afterSettle', () => {
  if (!focusInClocks) return
  focusInClocks = false
  const clocks = document.getElementById('clocks')
  if (clocks && !clocks.contains(document.activeElement)) {
    const heading = document.getElementById('clocks-heading')
    if (heading) heading.focus({ preventScroll: true })
  }
})

// Enter in a search box inside a bigger form searches (clicks its own button) instead of pressing the form's default
// button: the booking form's invitee search (data-enter-clicks names the button).
document.body.addEventListener('keydown', (event) => {
  const field = event.target
  if (event.key !== 'Enter' || !(field instanceof HTMLInputElement) || !field.dataset.enterClicks) return
  const button = document.getElementById(field.dataset.enterClicks)
  if (!button) return
  event.preventDefault()
  button.click()
})

// The dashboard's clocks are polled by htmx (hx-trigger="every 15s"); a concern new since the last look is said once.
let knownClocks = new Set(((document.getElementById('clocks') || {}).dataset || {}).clockReferences?.split(' ').filter(Boolean) || [])
document.body.addEventListener('htmx:afterSwap', () => {
  const clocks = document.getElementById('clocks')
  if (!clocks) return
  tickCountdowns()
  const now = new Set((clocks.dataset.clockReferences || '').split(' ').filter(Boolean))
  const added = [...now].filter((reference) => !knownClocks.has(reference))
  knownClocks = now
  const status = document.getElementById('clocks-status')
  if (status && added.length) status.textContent = 'New concern to acknowledge: ' + added.join(', ')
})

// An error summary's link to a group of radios or checkboxes names the group (the element around them), which cannot
// take focus, so GOV.UK Frontend's own handler would leave focus on the link. Focus goes where Tab would land in the
// group: its chosen radio or ticked box, else its first one (else its first field), with its legend scrolled into view.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('.govuk-error-summary a[href^="#"]') : null
  if (!link) return
  const group = document.getElementById(link.hash.slice(1))
  if (!group || group.matches('input, select, textarea, button')) return
  const field = group.querySelector('input[type=radio]:checked, input[type=checkbox]:checked') ||
    group.querySelector('input[type=radio], input[type=checkbox]') ||
    group.querySelector('input:not([type=hidden]), select, textarea')
  if (!field) return
  event.preventDefault()
  event.stopPropagation()
  const legend = group.closest('fieldset')?.querySelector('legend')
  ;(legend || field).scrollIntoView()
  field.focus({ preventScroll: true })
}, true)
