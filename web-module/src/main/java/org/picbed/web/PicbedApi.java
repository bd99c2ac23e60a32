package org.picbed.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every JSON endpoint lives under {@code /api}. */
@ApplicationPath("api")
public class PicbedApi extends Application {
}
