from warmnote.cli import main

raise SystemExit(main())
