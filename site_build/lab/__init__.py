"""The lab model: its generated world, training and export."""
