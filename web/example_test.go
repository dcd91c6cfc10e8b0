package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/web"
)

// oneClaimStore is the smallest klaim.Store: it knows one claim and nothing else.
type oneClaimStore struct{ klaim.Store }

func (oneClaimStore) Claims(context.Context) ([]klaim.Claim, error) {
	return []klaim.Claim{{ID: "cl_1", Text: "Netflix can read Facebook users' private messages"}}, nil
}

func ExampleNew() {
	srv, err := web.New(web.Config{Store: oneClaimStore{}})
	if err != nil {
		panic(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/claims", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(rec.Body.String())
	// Output:
	// 200 application/json; charset=utf-8
	// {"data":[{"id":"cl_1","text":"Netflix can read Facebook users' private messages"}],"meta":{"total":1}}
}
