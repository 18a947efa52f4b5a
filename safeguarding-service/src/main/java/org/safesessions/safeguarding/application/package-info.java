/**
 * Use cases: each owns its command records, starts the transaction, loads the domain objects, lets them apply their rules and publishes the events through the outbox.
 */
package org.safesessions.safeguarding.application;
