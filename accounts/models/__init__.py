from accounts.models.notifications import Notification
from accounts.models.organisations import Affiliation, Organisation, Sector
from accounts.models.users import User

__all__ = ["Affiliation", "Notification", "Organisation", "Sector", "User"]
