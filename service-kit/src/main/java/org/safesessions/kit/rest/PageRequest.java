package org.safesessions.kit.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?page=0&size=20}, as a {@code @BeanParam}: page 0–100000, size 1–200. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be between 0 and 100000")
    @Max(value = 100_000, message = "must be between 0 and 100000") // page × size must stay a valid row offset
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 200")
    @Max(value = 200, message = "must be between 1 and 200")
    public int size;
}
