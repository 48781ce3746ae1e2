package dev.latchkey.jetty;

import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Set;

/**
 * Runs the application's Jakarta Security {@link HttpAuthenticationMechanism} CDI bean for every request, before any
 * servlet, on containers that have no Jakarta Security implementation (Jetty 12 ee10).
 *
 * <p>Jakarta Security (chapter 2) specifies that the mechanism is called for every request, protected or not; this
 * filter does exactly that, through {@link BridgeMessageContext}, then hands the application an
 * {@link AuthenticatedRequest} whose principal and roles are the caller's. Deployment fails when no mechanism bean
 * can be resolved: an application never runs unauthenticated by accident.
 */
public class JakartaSecurityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(JakartaSecurityFilter.class.getName());

    /** Filter init parameter: comma-separated URL patterns ({@code /admin/*}, {@code /exact}) that need a caller. */
    public static final String PROTECTED_PATHS = "protected-paths";

    private transient HttpAuthenticationMechanism mechanism;
    private transient PathPatterns protectedPaths;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        try {
            protectedPaths = PathPatterns.parse(LatchkeyServletContainerInitializer.PROTECTED_PATHS_PARAM,
                    config.getInitParameter(PROTECTED_PATHS));
            mechanism = resolveMechanism(config);
            if (mechanism instanceof LatchkeyAuthenticationMechanism latchkey) {
                latchkey.chain(); // read and validate configuration now, so bad configuration fails deployment
            }
        } catch (RuntimeException e) {
            // CDI wraps the error from the bean's @PostConstruct (WELD-000049 ... init()): report Latchkey's message,
            // which names the property, as the reason the application does not start.
            ConfigurationException cause = ConfigurationException.in(e).orElse(null);
            if (cause != null) {
                throw new ServletException(cause.getMessage(), cause);
            }
            throw e;
        }
        LOG.log(Level.INFO, "Jakarta Security bridge active for context ''{0}''",
                config.getServletContext().getContextPath());
    }

    private static HttpAuthenticationMechanism resolveMechanism(FilterConfig config) throws ServletException {
        BeanManager beanManager = beanManager(config);
        Set<Bean<?>> beans = beanManager.getBeans(HttpAuthenticationMechanism.class);
        if (beans.isEmpty()) {
            throw new ServletException("Latchkey: no HttpAuthenticationMechanism bean found. Add auth-jakarta (or an "
                    + "application mechanism) to the application; refusing to start an unauthenticated application.");
        }
        Bean<?> bean = beanManager.resolve(beans);
        if (bean.getScope() == ApplicationScoped.class) {
            // One instance for the application's lifetime: called directly, not through its client proxy on every
            // request (CDI 4.0 §6.5.3: the application context's instance; interceptors stay, they are part of it).
            // An application that destroys that instance (Instance.destroy) would leave this filter with the old one:
            // Latchkey's mechanism keeps no state that could go stale that way, and nothing destroys it.
            return (HttpAuthenticationMechanism) contextualInstance(beanManager, bean);
        }
        return (HttpAuthenticationMechanism) beanManager.getReference(bean, HttpAuthenticationMechanism.class,
                beanManager.createCreationalContext(bean));
    }

    private static <T> T contextualInstance(BeanManager beanManager, Bean<T> bean) {
        return beanManager.getContext(ApplicationScoped.class).get(bean, beanManager.createCreationalContext(bean));
    }

    /**
     * Where the web application's bean manager is found before {@code CDI.current()} (which, with several applications
     * in one JVM, may be another's): the standard name, and Weld Servlet's
     * ({@code WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME}).
     */
    private static final String[] BEAN_MANAGER_ATTRIBUTES = {BeanManager.class.getName(),
            "org.jboss.weld.environment.servlet." + BeanManager.class.getName()};

    private static BeanManager beanManager(FilterConfig config) throws ServletException {
        for (String name : BEAN_MANAGER_ATTRIBUTES) {
            if (config.getServletContext().getAttribute(name) instanceof BeanManager beanManager) {
                return beanManager;
            }
        }
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException e) {
            throw new ServletException("Latchkey: CDI is not running in this web application (add weld-servlet-core "
                    + "or use LatchkeyJetty); refusing to start an unauthenticated application.", e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean isProtected = protectedPaths.matches(request);
        BridgeMessageContext context = new BridgeMessageContext(request, response, isProtected, false);
        AuthenticationStatus status;
        try {
            status = mechanism.validateRequest(request, response, context);
        } catch (AuthenticationException e) {
            LOG.log(Level.DEBUG, "mechanism refused the request: {0}", e.getClass().getName());
            status = AuthenticationStatus.SEND_FAILURE;
        }
        HttpServletRequest next = switch (status) {
            // SUCCESS without notifyContainerAboutLogin has no caller: the request stays anonymous.
            case SUCCESS -> context.getCallerPrincipal() == null ? anonymous(context, isProtected)
                    : new AuthenticatedRequest(context.getRequest(), context.getCallerPrincipal(), context.getGroups());
            case NOT_DONE -> anonymous(context, isProtected);
            case SEND_FAILURE, SEND_CONTINUE -> null; // SEND_CONTINUE: the mechanism wrote the response
        };
        if (next == null) {
            if (status != AuthenticationStatus.SEND_CONTINUE) {
                fail(response, HttpServletResponse.SC_UNAUTHORIZED);
            }
            return;
        }
        chain.doFilter(next, response);
    }

    /** The request to pass on unauthenticated, or null (401) when the path needs a caller. */
    private static HttpServletRequest anonymous(BridgeMessageContext context, boolean isProtected) {
        return isProtected ? null : context.getRequest();
    }

    /** Sends an error unless the mechanism already wrote one. */
    private static void fail(HttpServletResponse response, int status) throws IOException {
        if (!response.isCommitted() && response.getStatus() < 400) {
            response.sendError(status);
        }
    }
}
