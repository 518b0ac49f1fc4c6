from django.urls import path

from . import views

# Included by website/urls.py by name (the project composes every app's URLs).
urlpatterns = [
    path("_cerita/kirim/<int:page_id>/", views.submit_story, name="story_submit"),
]
