package understand

// What the tests of package understand_test, which drive the engine of
// package flows and so cannot be inside this package, look at besides
// the API.

// Typo is typo.
var Typo = typo

// Words are the words of text as the index reads them: spellings and
// typos mended towards the words it knows.
func (x *Index) Words(text string) []string { return x.lex.words(text) }
