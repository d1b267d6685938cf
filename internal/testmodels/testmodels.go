// Package testmodels says where the tests keep the models they train, so
// that every test process and every run reads the models one of them
// trained, as Go's build cache is shared, instead of each training them
// again: a training takes seconds, more under the race detector.
package testmodels

import (
	"os"
	"path/filepath"
)

// Dir is the model cache of the tests (see understand.ModelCache):
// signaal-tests in the user's cache directory, apart from the bot's own
// (signaal), or "" when there is no such directory, and the tests train
// their models every time. A model is kept under the hash of everything
// that decides it, so that content being edited while the tests run never
// reads another content's models; what nothing reads for a week is
// removed.
func Dir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "signaal-tests")
}
