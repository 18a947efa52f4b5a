/**
 * The HTTP edge: resources and their request/response records. A resource checks the caller's roles, maps a request to a command of the use case and the result to a view; it decides no rule itself.
 */
package org.safesessions.safeguarding.rest;
