package render

// Pale is pale, for tests.
var Pale = pale
