package web

import _ "embed"

// openAPIDoc is the OpenAPI 3 document of every route, served at
// /api/v1/openapi.json. Tests validate it and check that it lists each
// registered route.
//
//go:embed openapi.json
var openAPIDoc []byte
