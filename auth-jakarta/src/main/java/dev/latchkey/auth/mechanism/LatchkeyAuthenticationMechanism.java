package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.audit.AuditLogger;
import dev.latchkey.auth.audit.AuthenticationEvent;
import dev.latchkey.auth.audit.AuthenticationEvent.Outcome;
import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.caller.LatchkeyGroupStore;
import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.ErrorResponses;
import dev.latchkey.auth.limit.FailedAttemptLimiter;
import dev.latchkey.auth.limit.FailedAttemptSettings;
import dev.latchkey.auth.request.ClientAddress;
import dev.latchkey.auth.request.RequestContent;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.spi.CredentialKind;
import dev.latchkey.auth.spi.DefaultMechanisms;
import dev.latchkey.auth.state.StateStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The one Jakarta Security {@link HttpAuthenticationMechanism} of a Latchkey application. It runs the
 * {@link CredentialKind}s enabled by {@code latchkey.mechanisms}, in that order, through the one shared step
 * ({@link CredentialLogin}).
 *
 * <ul>
 *   <li>No credential: {@code doNothing()} on an unprotected resource, else 401 with one challenge per enabled
 *   scheme (RFC 7235 §4.1).</li>
 *   <li>A credential found: its kind decides; a rejection is final (no falling through).</li>
 *   <li>Two credentials: 400 {@code invalid_request} (RFC 6750 §2).</li>
 *   <li>A credential from a client network over {@code latchkey.failed-attempts.limit}: 429 before any kind runs
 *   ({@link FailedAttemptLimiter}).</li>
 * </ul>
 *
 * <p>Which kinds run when {@code latchkey.mechanisms} is not set: see {@link MechanismSettings}.
 *
 * <p>Applications with a mechanism of their own switch this one off with {@code latchkey.mechanism.enabled=false}.
 */
@ApplicationScoped
public class LatchkeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(LatchkeyAuthenticationMechanism.class.getName());

    @Inject
    @Any
    Instance<CredentialKind<?>> kinds;

    @Inject
    @Any
    Instance<DefaultMechanisms> defaults;

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    TrustedProxies trustedProxies;

    @Inject
    Event<AuthenticationEvent> events;

    @Inject
    @Any
    Instance<IdentityStore> identityStores;

    /** Where failed-attempt counters live ({@code latchkey.state.store}); opened here, at start-up. */
    @Inject
    StateStore state;

    @Inject
    @LatchkeyClock
    Clock clock;

    @Inject
    BeanManager beanManager;

    private AuthenticatorChain chain;
    private Consumer<AuthenticationEvent> audit;
    private boolean successObserved;

    @PostConstruct
    void init() {
        ConfigReader config = ConfigReader.current();
        List<DefaultMechanisms> kindDefaults = defaults.stream().toList();
        MechanismSettings settings = MechanismSettings.from(config, kindDefaults);
        LOG.info(() -> "authentication mechanisms " + settings.mechanisms() + ", realm " + settings.realm());
        if (settings.mechanisms().isEmpty()) {
            EmptyChainWarning warning = EmptyChainWarning.of(ConfigProvider.getConfig().getPropertyNames(),
                    kindDefaults.stream().map(DefaultMechanisms::hint).toList());
            LOG.log(warning.level(), warning.message());
        }
        chain = new AuthenticatorChain(settings, byName(), new CredentialLogin(identityStoreHandler),
                new FailedAttemptLimiter(FailedAttemptSettings.from(config), trustedProxies, state, clock));
        audit = events::fire;
        successObserved = observedBeyondAuditLog(beanManager);
        GroupStoreWarning.of(settings.mechanisms(),
                chain.kinds().stream().mapToInt(CredentialKind::callerNamespaces).sum(), this::plainGroupStores)
                .ifPresent(LOG::warning);
    }

    /** Group-only identity stores that do not declare their mechanisms ({@link LatchkeyGroupStore}). */
    private List<String> plainGroupStores() {
        List<String> plain = new ArrayList<>();
        for (Instance.Handle<IdentityStore> handle : identityStores.handles()) {
            Class<?> type = handle.getBean().getBeanClass();
            if (LatchkeyGroupStore.class.isAssignableFrom(type) || type.getName().startsWith("dev.latchkey.auth.")) {
                continue; // declared, or one of Latchkey's own validating stores (not created here)
            }
            IdentityStore store = handle.get();
            if (!(store instanceof LatchkeyGroupStore)
                    && store.validationTypes().equals(Set.of(IdentityStore.ValidationType.PROVIDE_GROUPS))) {
                plain.add(handle.getBean().getBeanClass().getName());
            }
        }
        return plain;
    }

    /**
     * Every credential kind bean by name without creating it: the bean's {@code @Named} name, or, for a bean without
     * one, the name it reports (which creates it).
     */
    private Map<String, Supplier<CredentialKind<?>>> byName() {
        Map<String, Supplier<CredentialKind<?>>> byName = new LinkedHashMap<>();
        for (Instance.Handle<CredentialKind<?>> handle : kinds.handles()) {
            String name = handle.getBean().getName() != null ? handle.getBean().getName() : handle.get().name();
            if (byName.put(name, handle::get) != null) {
                throw new IllegalStateException("two credential kind beans are named '" + name + "'");
            }
        }
        return byName;
    }

    /**
     * The chain this mechanism runs. Each request also carries it, with what else the JAX-RS layer needs, as a
     * {@link RequestAuthContext}; this accessor serves applications whose requests do not (a fallback).
     */
    public AuthenticatorChain chain() {
        return chain;
    }

    /**
     * Runs the chain and leaves the {@link RequestAuthContext} on the request. The client address is worked out only
     * when an event needs it, and a success event is fired only when something would see it
     * ({@link #observedBeyondAuditLog}, or the audit log at DEBUG).
     */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        AuthenticatorChain.Result result = chain.run(request);
        LatchkeyCaller caller = result.outcome() instanceof AuthOutcome.Authenticated ok ? ok.caller() : null;
        RequestAuthContext authContext = new RequestAuthContext(chain, audit,
                () -> ClientAddress.text(request, trustedProxies), request.getRequestURI(), caller);
        // The caller's one home: CurrentCaller and the JAX-RS layer read it here, the container gets the same object.
        request.setAttribute(AuthenticatorChain.REQUEST_ATTRIBUTE, authContext);
        String mechanism = result.decidedBy() == null ? null : result.decidedBy().name();
        if (result.outcome() instanceof AuthOutcome.Authenticated ok) {
            ok.responseHeaders().forEach(response::setHeader);
            if (ok.request() != null) {
                context.setRequest(ok.request()); // e.g. the body checked against its signed Content-Digest
            }
            if (successObserved || AuditLogger.logsSuccesses()) {
                authContext.audit(Outcome.SUCCESS, mechanism, null, 200, caller.credentialId().orElse(null));
            }
            return context.notifyContainerAboutLogin(caller, caller.groups());
        }
        if (result.outcome() instanceof AuthOutcome.Rejected rejected) {
            AuthError error = rejected.error();
            authContext.audit(Outcome.FAILURE, mechanism, error.reason(), error.status(), error.credentialId());
            return respond(response, error, chain.challengesFor(error));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        authContext.challenged();
        return respond(response, AuthError.unauthenticated(null).withHeaders(chain.challengeHeaders(
                RequestContent.present(request))),
                chain.challenges());
    }

    /**
     * Whether a success event has an observer besides {@link AuditLogger} (which logs successes at DEBUG only): the
     * observers of a deployment are fixed once it has started (CDI 4.0 §11.5.2, observer resolution at deployment),
     * so a success nobody observes is not fired.
     */
    static boolean observedBeyondAuditLog(BeanManager beanManager) {
        AuthenticationEvent success = new AuthenticationEvent(Outcome.SUCCESS, null, null, 200, null, null, null,
                null, Instant.EPOCH);
        return beanManager.resolveObserverMethods(success).stream()
                .anyMatch(observer -> observer.getBeanClass() != AuditLogger.class);
    }

    private static AuthenticationStatus respond(HttpServletResponse response, AuthError error, List<String> challenges) {
        try {
            ErrorResponses.write(response, error, challenges);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
