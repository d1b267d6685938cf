# Build the static binary with the same script CI uses (scripts/build,
# which also lints the embedded content), then ship it in a minimal
# image: distroless static has CA certificates, time zones and a non-root
# user, and no shell. Content is embedded; besides the binary only the
# models its lint trained are copied, so that a start reads them instead
# of training them.
#
#   docker build --build-arg VERSION=$(git describe --always) -t signaalbot .
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN SIGNAAL_VERSION="$VERSION" MODEL_CACHE=/out/models scripts/build /out/signaalbot \
  && chmod -R a+rX /out/models && mkdir -p /out/state

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/signaalbot /signaalbot
# Owned by root and read-only to the bot's user: what it reads is what the
# build trained on the content it carries.
COPY --from=build /out/models /models
ENV MODEL_CACHE=/models
# The one place the bot writes to, for EXIT_JOURNAL: owned by the user the
# bot runs as, so that a volume mounted here (which takes the directory's
# owner when it is new) is writable in a read-only container.
COPY --from=build --chown=65532:65532 /out/state /var/lib/signaal
# 65532 is distroless's nonroot user, given by number so that a runtime
# that insists on a non-root user (runAsNonRoot) can tell without a
# passwd lookup.
USER 65532:65532
# Inside a container the admin server listens on every interface of the
# container, so that Prometheus in another container can scrape it; the
# port is reachable from outside only where it is published.
ENV ADMIN_ADDR=:9090
# 8080: the webhook (LISTEN_ADDR), in webhook mode. 9090: the admin server.
EXPOSE 8080 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["/signaalbot", "healthcheck"]
ENTRYPOINT ["/signaalbot"]
CMD ["serve"]
