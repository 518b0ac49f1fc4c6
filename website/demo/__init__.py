"""Demo content for `manage.py seed_demo`: text (content.py, articles.py), Pillow
illustrations (illustrations.py) and the builder that puts them into the database."""
