/**
 * Calls out of the service: other services' REST APIs and external systems.
 * <p>
 * Here, Zoom: its OAuth token, the Meeting API client, and the webhook signature.
 */
package org.safesessions.session.client;
