package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

var (
	specOnce   sync.Once
	specRouter routers.Router
	specErr    error
)

// specRoutes loads openapi.json once for checking answers against it.
func specRoutes(t testing.TB) routers.Router {
	t.Helper()
	specOnce.Do(func() {
		doc, err := openapi3.NewLoader().LoadFromData(openAPIDoc)
		if err != nil {
			specErr = err
			return
		}
		doc.Servers = nil // match on the path alone
		specRouter, specErr = legacy.NewRouter(doc)
	})
	if specErr != nil {
		t.Fatalf("openapi.json: %v", specErr)
	}
	return specRouter
}

// conformsToSpec checks that a request and the server's answer to it are
// what openapi.json says: parameters, status, content type and body schema.
func conformsToSpec(t testing.TB, method, target string, body []byte, header http.Header, rec *httptest.ResponseRecorder) {
	t.Helper()
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	req.Header = header.Clone()
	route, params, err := specRoutes(t).FindRoute(req)
	if err != nil {
		t.Errorf("%s %s: not in openapi.json: %v", method, target, err)
		return
	}
	in := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{
			// Requests with wrong parameters are the point of many tests; the
			// answer, not the request, is what must match the document.
			ExcludeRequestBody: true, ExcludeRequestQueryParams: true,
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		},
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 rec.Code,
		Header:                 rec.Header(),
		Body:                   io.NopCloser(bytes.NewReader(rec.Body.Bytes())),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s %s: the %d answer does not match openapi.json: %v", method, target, rec.Code, err)
	}
}
