package io.herald.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS root. Every API family has its own path prefix under it ({@code /api/v1}, {@code
 * /api/v2}, {@code /v1}); resources and filters are discovered in the module jars. The console is a
 * servlet on the longer prefix {@code /admin/*}, so it is not shadowed.
 */
@ApplicationPath("/")
public class HeraldApplication extends Application {}
