package main

// version names the build. scripts/build sets it (-ldflags -X) from the
// SIGNAAL_VERSION it is given or from git; a plain go build or go run
// leaves "dev". It shows in signaal_build_info.
var version = "dev"
