// Command devdb runs FerretDB (the MongoDB wire protocol) over a PostgreSQL
// server as Custodia's embedded development database. It listens on loopback
// only; the launcher (src/launcher.ts) starts PostgreSQL first and passes its URL.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "loopback address to listen on")
	postgresURL := flag.String("postgresql-url", "", "URL of the PostgreSQL database FerretDB stores its collections in")
	flag.Parse()
	if *postgresURL == "" {
		log.Fatal("devdb: --postgresql-url is required")
	}

	db, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Handler:       "postgresql",
		PostgreSQLURL: *postgresURL,
	})
	if err != nil {
		log.Fatalf("devdb: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	// The launcher holds our stdin open; when it dies, even by SIGKILL, the pipe closes and we stop too.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	done := make(chan error, 1)
	go func() { done <- db.Run(ctx) }()
	// The launcher waits for this line before it pings the server.
	fmt.Printf("devdb listening %s\n", db.MongoDBURI())

	if err := <-done; err != nil && ctx.Err() == nil {
		log.Fatalf("devdb: %v", err)
	}
}
