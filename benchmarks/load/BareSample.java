import dev.latchkey.sample.SampleApplication;
import org.eclipse.jetty.ee10.cdi.CdiServletContainerInitializer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jsonp.JsonProcessingFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * Benchmark only (run by load.py as the server {@code latchkey-bare}, from this source file, never packaged): the
 * sample application on the same Jetty, Weld and Jersey as {@code LatchkeyJetty} starts it, with the same class path,
 * but with none of Latchkey's request-path pieces installed: no {@code JakartaSecurityFilter} (so no mechanism runs)
 * and no Latchkey JAX-RS providers (Jersey auto-discovery off; JSON-P registered explicitly, as auto-discovery would).
 * Its {@code health} row against the sample's is what a public endpoint pays for Latchkey being installed.
 *
 * <p>Usage: {@code java -cp "sample-app.jar:lib/*" BareSample.java PORT}
 */
public final class BareSample {

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        HttpConfiguration config = new HttpConfiguration();
        config.setHeaderCacheSize(0); // as LatchkeyJetty
        ServerConnector http = new ServerConnector(server, new HttpConnectionFactory(config));
        http.setHost("127.0.0.1");
        http.setPort(Integer.parseInt(args[0]));
        server.addConnector(http);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServletContainerInitializer(new CdiServletContainerInitializer());
        context.addServletContainerInitializer(new EnhancedListener());
        ServletHolder jersey = new ServletHolder("jax-rs", new ServletContainer(
                ResourceConfig.forApplicationClass(SampleApplication.class)
                        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                        .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                        .register(JsonProcessingFeature.class)));
        jersey.setInitOrder(1);
        context.addServlet(jersey, "/*");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("bare sample listening on " + args[0]);
        server.join();
    }
}
