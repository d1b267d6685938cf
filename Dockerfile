# Build a static binary, then ship it alone in a minimal image that runs as
# a non-root user. Content is embedded, so nothing else needs copying.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/signaalbot ./cmd/signaalbot \
 && /out/signaalbot lint

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/signaalbot /signaalbot
USER nonroot:nonroot
ENTRYPOINT ["/signaalbot"]
CMD ["serve"]
