package org.picbed.sample.shop;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.picbed.client.PicbedClient;
import org.picbed.client.PicbedSettings;

/**
 * The shop's parts, made when it starts: its catalogue and one picbed client, configured like the taglib (context
 * parameters {@code picbed.*}, else {@code PICBED_*}: {@code url}, {@code api-key}, signing keys).
 */
@WebListener
public class Shop implements ServletContextListener {

    static final String CATALOGUE = Catalogue.class.getName();
    static final String CLIENT = PicbedClient.class.getName();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        PicbedSettings settings = new PicbedSettings(name -> context.getInitParameter("picbed." + name))
                .orElse(PicbedSettings.fromEnvironment());
        context.setAttribute(CATALOGUE, new Catalogue());
        context.setAttribute(CLIENT, PicbedClient.from(settings));
    }

    static Catalogue catalogue(ServletContext context) {
        return (Catalogue) context.getAttribute(CATALOGUE);
    }

    static PicbedClient picbed(ServletContext context) {
        return (PicbedClient) context.getAttribute(CLIENT);
    }
}
